FROM python:3.12
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
ENV PORT=8000 API_TOKEN=do-not-print-me
EXPOSE 8000
CMD ["gunicorn", "app:app"]
