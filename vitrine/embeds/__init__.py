"""Partner embeds: a territory's directory in a frame-able page, and who may frame it."""
