"""The tpps-graph domain: model, identifiers, vocabularies and store backends."""
