# extract's base image: the pinned ASP.NET runtime image plus tesseract for OCR.
# scripts/build-images.sh builds it (from the official image where it can be pulled, otherwise
# from the local base image it builds) and pushes it next to the service images.
ARG BASE=mcr.microsoft.com/dotnet/aspnet:10.0.12-bookworm-slim
FROM ${BASE}
USER root
RUN apt-get update \
 && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng \
 && rm -rf /var/lib/apt/lists/*
USER 1654
