"""chengyu-kg: knowledge graphs from Chinese regional-cooperation news."""

__version__ = "0.1.0"
