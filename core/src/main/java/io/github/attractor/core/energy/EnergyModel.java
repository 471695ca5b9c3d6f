package io.github.attractor.core.energy;

import io.github.attractor.core.field.VectorField;

/** A vector field that comes with an energy (Lyapunov function) of its own. */
public interface EnergyModel extends VectorField {

    /** The energy that is non-increasing along this field's trajectories. */
    Energy energy();
}
