"""Model: plain typed objects with the facts derived once."""
