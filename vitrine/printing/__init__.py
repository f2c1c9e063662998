"""QR window stickers and posters of the directory's businesses, printed to one PDF."""
