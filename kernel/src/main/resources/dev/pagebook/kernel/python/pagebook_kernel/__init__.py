"""Pagebook's kernel-side helpers: cell runner, rich display, matplotlib backend."""
