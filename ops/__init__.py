"""Operations: the dashboard, /metrics and /health/ (liveness, readiness, the full report).

Reads the apps (conversations, orders) and the project settings; nothing imports ops except the
project wiring (tria.urls, tria.admin_urls) and Celery (ops.tasks, the worker heartbeat).
"""
