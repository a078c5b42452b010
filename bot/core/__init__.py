"""The platform-neutral core: models, ports and use cases."""
