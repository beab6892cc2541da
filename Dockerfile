# Build stage: dependencies first (cached until pyproject.toml changes), then the source.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src
COPY pyproject.toml README.md ./
RUN mkdir -p bot handlers scheduler models core \
    && touch bot/__init__.py handlers/__init__.py scheduler/__init__.py models/__init__.py core/__init__.py \
    && pip install . \
    && pip uninstall --yes bounceback
COPY bot ./bot
COPY handlers ./handlers
COPY scheduler ./scheduler
COPY models ./models
COPY core ./core
# The translation catalogues the bot reads: .po (in the repository) compiled to .mo.
RUN pybabel compile --statistics -D bounceback -d core/locale \
    && pip install --no-deps .

# Runtime stage: no compilers, a non-root user, SQLite on the /data volume by default.
FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PTB_TIMEDELTA=true \
    DATABASE_URL=sqlite:////data/bounceback.db \
    ENCRYPTION_KEY_FILE=/data/bounceback.key
RUN useradd --create-home --uid 10001 bounceback \
    && mkdir -m 700 /data \
    && chown bounceback:bounceback /data
COPY --from=build /opt/venv /opt/venv
USER 10001
WORKDIR /home/bounceback
VOLUME ["/data"]
# 8080: the webhook and GET /healthz in webhook mode (WEBHOOK_URL set; WEBHOOK_PORT).
# 8090: GET /healthz in polling mode (HEALTH_PORT; 0 turns it off, and the check below fails).
EXPOSE 8080 8090
# `bounceback health` GETs /healthz on 127.0.0.1: the database answers and check-ins are sent.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["bounceback", "health"]
# SIGTERM finishes the update in flight (allow ~30 s: `docker stop -t 30`, compose
# stop_grace_period); an update cut off by SIGKILL is delivered again by Telegram.
# `keys init` creates a key file only when ENCRYPTION_KEY isn't set and none exists yet.
CMD ["sh", "-c", "bounceback keys init && exec bounceback run"]
