"""The language the product reads, in one place: the words that mark a commitment, a hedge or
a stance (`commitment`), months and weekdays (`calendar`), money (`money`), and the world's
parties (`places`). Engines, the verifier and the answerer compile these tables for their own
purposes; none keeps a list of its own."""
