"""Actors: the date-aware CAMEO actor code, country and role of every entity and phrase.

``phrases`` codes one phrase with the actor dictionary; ``coding`` codes entities from their
mentions and fills what a phrase leaves open from around it; ``argument_coder`` codes the noun
phrase of an event argument in its article (the entity it mentions, the place it is in).

The package imports none of them, so that the article context can hold ``phrases``' table.
"""
