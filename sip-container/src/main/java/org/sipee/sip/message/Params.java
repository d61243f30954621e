package org.sipee.sip.message;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Parameters of a Via, name-addr or URI in order, unmodifiable. The parsers hand over the map they built and
 * the records keep a Params as it is, so that a parsed value's parameters are not copied twice.
 */
final class Params extends AbstractMap<String, String> {

    private final Map<String, String> map;

    /** Takes ownership of map, which nobody else may hold. */
    private Params(Map<String, String> map) {
        this.map = map;
    }

    /** The map as Params: itself when it is one, otherwise a copy. */
    static Map<String, String> of(Map<String, String> params) {
        return params instanceof Params ? params : new Params(new LinkedHashMap<>(params));
    }

    /** A map just built by a parser and not kept by it. */
    static Map<String, String> owning(LinkedHashMap<String, String> built) {
        return new Params(built);
    }

    /** A copy with the parameter set (added at the end when new, replaced in place otherwise). */
    static Map<String, String> with(Map<String, String> params, String name, String value) {
        LinkedHashMap<String, String> copy = new LinkedHashMap<>(params);
        copy.put(name, value);
        return new Params(copy);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return Collections.unmodifiableMap(map).entrySet();
    }

    @Override
    public String get(Object key) {
        return map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super String> action) {
        map.forEach(action);
    }

    @Override
    public int size() {
        return map.size();
    }
}
