"""The web editor's (Decap CMS) configuration, generated from the project's schemas."""
