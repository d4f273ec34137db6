# The plangraph app (Streamlit) and its command-line tools; Neo4j runs in its own container.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph/ graph/
COPY ingest/ ingest/
RUN pip install .
COPY . .
EXPOSE 8501
# Load the sample corpus (idempotent), then serve the app.
CMD ["sh", "-c", "python -m graph schema apply && python -m graph load corpus/ && exec streamlit run app.py --server.headless true --server.address 0.0.0.0 --server.port 8501 --browser.gatherUsageStats false"]
