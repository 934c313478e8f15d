# The tria image: web, ingester, worker and beat all run from it (docker-compose.yml).
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# The reply catalogues (locale/*.po -> .mo, which git ignores): without them every reply is English.
RUN python -m orders.locales
# Hashed, compressed static files for WhiteNoise; the settings need secrets to load, so the
# build passes throwaway ones (collectstatic uses none of them).
RUN SECRET_KEY=collectstatic-only PSEUDONYM_SECRET=collectstatic-only \
    FIELD_ENCRYPTION_KEY=Y29sbGVjdHN0YXRpYy1vbmx5LW5vdC1hLWtleS0zMmI= \
    python manage.py collectstatic --noinput --verbosity 0 \
    && mkdir -p /data/exports \
    && useradd --system --uid 10001 tria && chown tria /data/exports
USER tria
EXPOSE 8000
