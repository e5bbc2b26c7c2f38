"""Generate: the generated folder written from the model, reusing what is unchanged."""
