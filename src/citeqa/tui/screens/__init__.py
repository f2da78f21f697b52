"""Screens pushed over the chat: the document viewer and the index status modal."""
