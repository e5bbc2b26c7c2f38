"""Drawings: photos, QR codes, badges, share cards and flyers, drawn with Pillow."""
