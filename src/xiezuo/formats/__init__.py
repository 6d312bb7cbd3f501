"""Date and number formats of the site's languages that Django does not ship (see settings.FORMAT_MODULE_PATH)."""
