package io.github.srboot.autoconfigure;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Looks, without creating any bean, for {@link StarRocksConnectionDetails} that come from elsewhere than the
 * properties: a service connection (Docker Compose, Testcontainers) or the application's own bean.
 */
final class StarRocksConnectionDetailsBeans {

    private StarRocksConnectionDetailsBeans() {
    }

    static boolean hasOwn(ConfigurableListableBeanFactory beanFactory) {
        for (String name : beanFactory.getBeanNamesForType(StarRocksConnectionDetails.class, true, false)) {
            Class<?> type = beanFactory.getType(name, false);
            if (type != null && !PropertiesStarRocksConnectionDetails.class.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

}
