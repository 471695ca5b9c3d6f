/** First-order optimizers (SGD with momentum, Adam/AdamW), learning-rate schedules and gradient clipping. */
package io.github.attractor.learn.optim;
