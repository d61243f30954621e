package org.sipee.session;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * One discovered handler method of a CDI bean. It is invoked on the bean's contextual instance
 * (not through the client proxy, so package-private handler methods work).
 *
 * @param route  the calls it takes (@Invite only, else null)
 * @param access who may reach it (@RolesAllowed)
 */
record HandlerMethod(Bean<?> bean, Method method, CallRoute route, HandlerAccess access) {

    HandlerMethod {
        method.setAccessible(true);
    }

    HandlerMethod(Bean<?> bean, Method method, CallRoute route) {
        this(bean, method, route, HandlerAccess.of(method));
    }

    /** Calls the method with arg if it takes one parameter, without when it takes none. */
    void invoke(BeanManager beanManager, Object arg) throws Exception {
        CreationalContext<?> creational = beanManager.createCreationalContext(bean);
        Object instance = beanManager.getContext(bean.getScope()).get(cast(bean), cast(creational));
        try {
            if (method.getParameterCount() == 0) {
                method.invoke(instance);
            } else {
                method.invoke(instance, arg);
            }
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            if (bean.getScope() == Dependent.class) {
                creational.release(); // a @Dependent handler instance lives for one call
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    @Override
    public String toString() {
        return method.getDeclaringClass().getName() + "." + method.getName();
    }
}
