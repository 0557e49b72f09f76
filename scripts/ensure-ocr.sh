#!/usr/bin/env bash
# Makes sure the tesseract program (OCR for images and scanned PDFs) is installed, from Debian's
# tesseract-ocr package (English included). Idempotent. Without it extract still runs, and
# images fail with "OCR not available".
set -euo pipefail
if command -v tesseract >/dev/null 2>&1; then exit 0; fi
echo "[ensure-ocr] installing tesseract-ocr (Debian package)"
sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq tesseract-ocr >/dev/null
tesseract --version 2>&1 | head -n 1
