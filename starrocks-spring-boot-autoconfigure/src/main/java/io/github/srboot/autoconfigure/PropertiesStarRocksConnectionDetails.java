package io.github.srboot.autoconfigure;

import java.net.URI;
import java.util.List;

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
    public String getRedirectHostRewrite() {
        return this.properties.getHttp().getRedirectHostRewrite();
    }

    @Override
    public String toString() {
        return "PropertiesStarRocksConnectionDetails[frontends=" + getFrontends() + ", username=" + getUsername()
                + ", database=" + getDatabase() + "]";
    }

}
