"""Support inbox (issue 16): handover, status, assignee, private notes, the staff role."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('conversations', '0010_outbox'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='SessionNote',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('text', models.TextField()),
                ('created_at', models.DateTimeField(auto_now_add=True)),
            ],
            options={
                'db_table': 'conversation_session_notes',
                'ordering': ['created_at', 'id'],
            },
        ),
        migrations.AlterModelOptions(
            name='conversationsession',
            options={'ordering': ['-start_time'], 'permissions': [('flag_session', 'Can flag or unflag sessions for follow-up'), ('export_csv', 'Can export conversation lists as CSV'), ('export_user_data', "Can export a user's data (GDPR access)"), ('erase_user_data', "Can erase a user's data (GDPR erasure)"), ('handle_session', 'Can take over, answer, note and resolve sessions'), ('assign_session', 'Can assign sessions to any colleague'), ('register_contact', "Can register a session's unknown sender as an outlet contact")]},
        ),
        migrations.RemoveConstraint(
            model_name='conversationmessage',
            name='conv_msg_role_valid',
        ),
        migrations.AddField(
            model_name='conversationsession',
            name='assignee',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='conversationsession',
            name='handed_over',
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name='conversationsession',
            name='handed_over_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='conversationsession',
            name='handed_over_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='conversationsession',
            name='resolved_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='conversationsession',
            name='status',
            field=models.CharField(choices=[('open', 'Open'), ('pending', 'Pending'), ('resolved', 'Resolved')], default='open', max_length=16),
        ),
        migrations.AlterField(
            model_name='conversationmessage',
            name='role',
            field=models.CharField(choices=[('user', 'User'), ('assistant', 'Assistant'), ('system', 'System'), ('staff', 'Staff')], max_length=16),
        ),
        migrations.AlterField(
            model_name='dailyintentstat',
            name='role',
            field=models.CharField(choices=[('user', 'User'), ('assistant', 'Assistant'), ('system', 'System'), ('staff', 'Staff')], max_length=16),
        ),
        migrations.AddIndex(
            model_name='conversationsession',
            index=models.Index(fields=['-last_activity_at'], name='conv_sess_activity_idx'),
        ),
        migrations.AddConstraint(
            model_name='conversationmessage',
            constraint=models.CheckConstraint(condition=models.Q(('role__in', ['user', 'assistant', 'system', 'staff'])), name='conv_msg_role_valid'),
        ),
        migrations.AddField(
            model_name='sessionnote',
            name='author',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='sessionnote',
            name='session',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notes', to='conversations.conversationsession'),
        ),
    ]
