"""Platform adapters: pure render/parse functions plus the glue that talks to each platform."""
