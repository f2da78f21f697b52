"""The widgets of the chat screen: transcript messages, sources panel, status line, input."""
