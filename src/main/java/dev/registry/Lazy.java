package dev.registry;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A value worked out on first use, once, whichever thread asks first; the others wait for it.
 * The supplier is let go once it has answered, so that what it holds (a file's text, say) can
 * be collected. The value is never null.
 */
public final class Lazy<T> implements Supplier<T> {

    private Supplier<? extends T> compute;
    private volatile T value;

    private Lazy(Supplier<? extends T> compute, T value) {
        this.compute = compute;
        this.value = value;
    }

    /** The value {@code compute} gives, worked out when first asked for. */
    public static <T> Lazy<T> of(Supplier<? extends T> compute) {
        return new Lazy<>(Objects.requireNonNull(compute), null);
    }

    /** A value known already. */
    public static <T> Lazy<T> known(T value) {
        return new Lazy<>(null, Objects.requireNonNull(value));
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = Objects.requireNonNull(compute.get(), "a lazy value");
                    value = v;
                    compute = null;
                }
            }
        }
        return v;
    }

    /** The value if it has been worked out already, without working it out. */
    public Optional<T> ifKnown() {
        return Optional.ofNullable(value);
    }
}
