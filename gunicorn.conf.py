"""gunicorn's settings, read at start (`-c gunicorn.conf.py`; gunicorn also finds it in the working
directory): the access log only.

An access line never holds a query string or a referrer: URLs can carry search terms, filters
and, from older clients, phone numbers. It holds the client, time, method, path without the query,
protocol, status, bytes, duration in ms and the request id (to find the application's log lines).
"""

accesslog = "-"
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms %({x-request-id}o)s'
