"""The language the product reads, in one place: the words that mark a commitment, a hedge or
a stance (`commitment`), months and weekdays (`calendar`), money (`money`), the world's
countries and bodies (`places`) and how text names them (`parties`). Engines, the verifier,
the answerer and the ledger compile these tables for their own purposes; none keeps a list of
its own."""
