# The API image: stateless workers serving GraphQL over the store named by TPPS_DB.
FROM python:3.11-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
# The pinned, hash-checked runtime dependencies first (a layer that survives code changes),
# then the package itself without resolving anything anew.
COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes -r requirements.lock
COPY pyproject.toml README.md ./
COPY api ./api
COPY graph ./graph
COPY loaders ./loaders
COPY cli ./cli
COPY neo4j_server/__init__.py neo4j_server/__main__.py ./neo4j_server/
RUN pip install --no-cache-dir --no-deps .
# The image proves itself when built: the installed package (not the source tree)
# extracts a press release and serves a store (deploy/check_install.py, also run by
# tests/test_wheel.py on a fresh wheel).
COPY deploy/check_install.py tests/loaders/articles/kendal_rakor.txt /tmp/check/
RUN cd /tmp && python /tmp/check/check_install.py tpps /tmp/check/kendal_rakor.txt \
    && rm -rf /tmp/check
RUN useradd --create-home tpps
USER tpps
EXPOSE 8000
CMD ["sh", "-c", "tpps serve --host 0.0.0.0 --port 8000 --workers ${TPPS_WORKERS:-2}"]
