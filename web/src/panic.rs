//! Panic hook: plain message, keep the text, log to console (hardening owner).
