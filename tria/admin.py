from django.contrib import admin

from tria.models import ApiKey

admin.site.register(ApiKey)
