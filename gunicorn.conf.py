"""gunicorn's settings for tria's web process (Procfile, docker-compose, `make bench`), read at
start (`-c gunicorn.conf.py`).

Workers: the model was chosen by measuring the webhook under `make bench` on 2 cores
(docs/performance.md): gthread, 2 workers x 4 threads. WEB_CONCURRENCY and WEB_THREADS override
the counts for another machine; WEB_BIND the address.

Access log: a line never holds a query string or a referrer (URLs can carry search terms, filters
and, from older clients, phone numbers). It holds the client, time, method, path without the
query, protocol, status, bytes, duration in ms and the request id (to find the application's log
lines).
"""

import os

bind = os.environ.get("WEB_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("WEB_THREADS", "4"))
worker_class = "gthread" if threads > 1 else "sync"

# WEB_ACCESS_LOG: where (default "-", stdout); empty turns it off (the benchmark does).
accesslog = os.environ.get("WEB_ACCESS_LOG", "-") or None
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms %({x-request-id}o)s'
