from django.contrib import admin

from orders.models import DeliveryOrder, Invoice, Order, OrderLine, Outlet, OutletContact, Product

admin.site.register(Product)
admin.site.register(Outlet)
admin.site.register(OutletContact)
admin.site.register(Order)
admin.site.register(OrderLine)
admin.site.register(DeliveryOrder)
admin.site.register(Invoice)
