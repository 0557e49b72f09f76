#!/usr/bin/env bash
# Makes the two "scanned" images the OCR tests read (run once; the outputs are committed).
# Needs ImageMagick and the DejaVu fonts (Debian: imagemagick fonts-dejavu-core).
set -euo pipefail
cd "$(dirname "$0")"
convert -size 1100x330 xc:white -font DejaVu-Sans -pointsize 30 -fill black \
  -annotate +40+60 'INVOICE INV-2024-0042' -annotate +40+120 'Please pay EUR 1,250.00 by 15 March 2025' \
  -annotate +40+180 'IBAN DE89 3704 0044 0532 0130 00' -annotate +40+240 'Questions: billing@acme-supplies.example' \
  -type Grayscale -depth 8 scanned-invoice.png
convert -size 900x260 xc:white -font DejaVu-Sans -pointsize 28 -fill black \
  -annotate +40+60 'Purchase order PO-77812' -annotate +40+120 'Two monitors for the design team' \
  -annotate +40+180 'Total USD 640.00, call +1 415 555 0132' -type Grayscale -depth 8 -quality 75 scanned-order.jpg
