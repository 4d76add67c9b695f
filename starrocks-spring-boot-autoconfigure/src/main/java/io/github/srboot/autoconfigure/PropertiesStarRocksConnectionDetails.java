package io.github.srboot.autoconfigure;

import java.net.URI;
import java.util.List;

import io.github.srboot.streamload.HostRewrite;

/**
 * {@link StarRocksConnectionDetails} read from {@link StarRocksProperties}.
 */
class PropertiesStarRocksConnectionDetails implements StarRocksConnectionDetails {

    private final StarRocksProperties properties;

    PropertiesStarRocksConnectionDetails(StarRocksProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<URI> getFrontends() {
        return List.copyOf(this.properties.getHttp().getFrontends());
    }

    @Override
    public String getUsername() {
        return this.properties.getUsername();
    }

    @Override
    public String getPassword() {
        String password = this.properties.getPassword();
        return (password != null) ? password : "";
    }

    @Override
    public String getDatabase() {
        return this.properties.getDatabase();
    }

    @Override
    public HostRewrite getRedirectHostRewrite() {
        String rewrite = this.properties.getHttp().getRedirectHostRewrite();
        return (rewrite != null && !rewrite.isBlank()) ? HostRewrite.parse(rewrite) : null;
    }

    @Override
    public String toString() {
        return "PropertiesStarRocksConnectionDetails[frontends=" + getFrontends() + ", username=" + getUsername()
                + ", database=" + getDatabase() + "]";
    }

}
