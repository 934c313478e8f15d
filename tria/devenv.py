"""Write a development `.env` next to manage.py, once: `python tria/devenv.py` (make run does).

Random secrets for this checkout and DEBUG=1, so every `manage.py` command works from any shell
without exporting anything. An existing `.env` is never changed. Standard library only: it runs
before the virtualenv exists.
"""

import base64
import secrets
import sys
from pathlib import Path

ENV_FILE = Path(__file__).resolve().parent.parent / ".env"


def dev_env() -> str:
    """The file's text: DEBUG on and a fresh random value for each secret."""
    # A Fernet key is 32 random bytes in urlsafe base64.
    fernet_key = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
    return (
        "# Development settings written by `make run` (tria/devenv.py); edit freely, it is never\n"
        "# overwritten. Not for production: see .env.example for every variable.\n"
        "DEBUG=1\n"
        f"SECRET_KEY={secrets.token_urlsafe(50)}\n"
        f"PSEUDONYM_SECRET={secrets.token_urlsafe(32)}\n"
        f"FIELD_ENCRYPTION_KEY={fernet_key}\n"
        "# The database password of docker-compose.yml (`docker compose up -d db redis`).\n"
        f"POSTGRES_PASSWORD={secrets.token_hex(16)}\n"
    )


def write_dev_env(path: Path = ENV_FILE) -> bool:
    """Create `path` unless it exists (then nothing happens); True when it was written."""
    try:
        with path.open("x") as env_file:
            env_file.write(dev_env())
    except FileExistsError:
        return False
    path.chmod(0o600)
    return True


if __name__ == "__main__":
    written = write_dev_env()
    state = "written with random development secrets" if written else "exists, left as it is"
    sys.stdout.write(f"{ENV_FILE.name}: {state}\n")
