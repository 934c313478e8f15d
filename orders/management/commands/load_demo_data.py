from django.core.management.base import BaseCommand

from orders import demo


class Command(BaseCommand):
    help = "Load the demo catalogue and outlets (idempotent)."

    def handle(self, *args, **options) -> None:
        result = demo.load_demo_data()
        self.stdout.write(
            f"demo data: {result.products_created} products and "
            f"{result.outlets_created} outlets created ({len(demo.DEMO_PRODUCTS)} products, "
            f"{len(demo.DEMO_OUTLETS)} outlets in the catalogue); "
            f"{result.contacts_created} demo contacts created"
        )
