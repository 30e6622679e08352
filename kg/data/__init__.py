"""Gazetteers and patterns shipped as package data."""
