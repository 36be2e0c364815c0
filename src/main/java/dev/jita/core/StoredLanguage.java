package dev.jita.core;

import java.util.Locale;
import java.util.Optional;

/** The language the authenticated caller of the current request chose, if any; the module owning users answers. */
public interface StoredLanguage {

    Optional<Locale> ofCaller();
}
