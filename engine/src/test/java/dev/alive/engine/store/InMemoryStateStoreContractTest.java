package dev.alive.engine.store;

class InMemoryStateStoreContractTest extends StateStoreContract {

    @Override
    protected StateStore createStore() {
        return new InMemoryStateStore();
    }
}
