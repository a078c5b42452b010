"""The LLM engine: briefs and answers from any OpenAI-compatible model, verified against the
article. Only `client` imports the openai SDK; everything else speaks the `StructuredLLM` port."""
