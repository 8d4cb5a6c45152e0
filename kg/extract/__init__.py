"""The mapper: entity mentions and the text around them -> events.

``kg.extract.mapper.Mapper`` runs the rules; ``kg.extract.model`` holds the dataclasses it
hands on. Nothing is imported here, so that reading the model does not load spaCy.
"""
