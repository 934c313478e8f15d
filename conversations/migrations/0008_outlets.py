"""Outlet and OutletContact move from orders to conversations (who the customers are), so the
memory knows nothing of orders. The tables and their rows stay as they are: only Django's state
moves, and the content types are renamed in place so permissions and roles keep their ids."""

import django.db.models.deletion
from django.db import migrations, models


MOVED = ["outlet", "outletcontact"]


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="orders", model__in=MOVED).update(
        app_label="conversations"
    )


def move_content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="conversations", model__in=MOVED).update(
        app_label="orders"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("conversations", "0007_purge_run_inbox_deleted"),
        ("orders", "0004_order_approve_permission"),
        ("tria", "0005_supervisors_see_webhook_inbox"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Outlet",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("name", models.CharField(max_length=200)),
                        ("address", models.TextField(blank=True, default="")),
                        ("delivery_zone", models.CharField(blank=True, default="", max_length=32)),
                        (
                            "delivery_slot",
                            models.CharField(
                                choices=[
                                    ("morning", "Morning (8am–12pm)"),
                                    ("afternoon", "Afternoon (1pm–5pm)"),
                                ],
                                default="morning",
                                max_length=16,
                            ),
                        ),
                        ("preferred_language", models.CharField(default="en", max_length=8)),
                        ("active", models.BooleanField(default=True)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                    ],
                    options={
                        "db_table": "outlets",
                        "ordering": ["name"],
                    },
                ),
                migrations.AlterField(
                    model_name="conversationsession",
                    name="outlet",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="sessions",
                        to="conversations.outlet",
                    ),
                ),
                migrations.AlterField(
                    model_name="userinteractionsummary",
                    name="outlet",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="user_summaries",
                        to="conversations.outlet",
                    ),
                ),
                migrations.CreateModel(
                    name="OutletContact",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("phone_hash", models.CharField(db_index=True, max_length=64)),
                        ("phone_encrypted", models.TextField()),
                        (
                            "phone_masked",
                            models.CharField(help_text="e.g. +65 ****4567", max_length=32),
                        ),
                        ("name", models.CharField(blank=True, default="", max_length=120)),
                        (
                            "role",
                            models.CharField(
                                choices=[
                                    ("owner", "Owner"),
                                    ("manager", "Manager"),
                                    ("staff", "Staff"),
                                ],
                                default="staff",
                                max_length=16,
                            ),
                        ),
                        ("can_order", models.BooleanField(default=True)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "outlet",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="contacts",
                                to="conversations.outlet",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "outlet_contacts",
                        "ordering": ["outlet", "name"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("outlet", "phone_hash"), name="outlet_contact_uniq"
                            )
                        ],
                    },
                ),
            ]
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
