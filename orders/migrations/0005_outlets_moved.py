"""Outlet and OutletContact now live in conversations (see conversations.0008_outlets): state only."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("conversations", "0008_outlets"),
        ("orders", "0004_order_approve_permission"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="order",
                    name="outlet",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="orders",
                        to="conversations.outlet",
                    ),
                ),
                migrations.DeleteModel(
                    name="OutletContact",
                ),
                migrations.DeleteModel(
                    name="Outlet",
                ),
            ]
        ),
    ]
