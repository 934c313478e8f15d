"""gunicorn's settings for tria's web process (Procfile, docker-compose, `make bench`).

The worker model was chosen by measuring the webhook under `make bench` on 2 cores (README,
Performance). WEB_CONCURRENCY and WEB_THREADS override the counts for another machine.
"""

import os

bind = os.environ.get("WEB_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("WEB_THREADS", "4"))
worker_class = "gthread" if threads > 1 else "sync"
