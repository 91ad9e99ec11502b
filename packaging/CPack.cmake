# Packages: `cpack` in a build directory makes a .tar.gz and a .deb.
set(CPACK_PACKAGE_NAME syncdesk)
set(CPACK_PACKAGE_CONTACT "SyncDesk developers <dev@syncdesk.invalid>")
set(CPACK_GENERATOR TGZ DEB)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
include(CPack)
