from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from orders import demo, demo_conversations


class Command(BaseCommand):
    help = (
        "Load the demo catalogue, outlets and contacts (idempotent); with --conversations also "
        "four weeks of synthetic demo conversations, orders and ratings (DEBUG only)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--conversations",
            action="store_true",
            help="also store demo conversations through the services (once; needs DEBUG on)",
        )

    def handle(self, *args, conversations: bool, **options) -> None:
        if conversations and not settings.DEBUG:
            raise CommandError("refusing to store demo conversations with DEBUG off")
        result = demo.load_demo_data()
        self.stdout.write(
            f"demo data: {result.products_created} products and "
            f"{result.outlets_created} outlets created ({len(demo.DEMO_PRODUCTS)} products, "
            f"{len(demo.DEMO_OUTLETS)} outlets in the catalogue); "
            f"{result.contacts_created} demo contacts created"
        )
        if conversations:
            self.stdout.write(demo_conversations.load_demo_conversations().summary_line())
