"""Vitrine: one bilingual shop window for a region, built with Pelican."""
