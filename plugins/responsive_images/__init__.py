"""Cover images in several widths, WebP and JPEG, with srcset and intrinsic size."""

from .responsive_images import register

__all__ = ["register"]
